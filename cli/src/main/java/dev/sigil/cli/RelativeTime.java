package dev.sigil.cli;

import java.time.Duration;
import java.time.Instant;

/** "in 59 min 58 s", "3 h 2 min ago": the two largest units are all a reader needs. */
final class RelativeTime {

    private RelativeTime() {
    }

    static String between(Instant now, Instant then) {
        Duration d = Duration.between(now, then);
        if (d.isZero()) {
            return "now";
        }
        String amount = amount(d.abs());
        return d.isNegative() ? amount + " ago" : "in " + amount;
    }

    static String amount(Duration d) {
        long seconds = d.getSeconds();
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        long secs = seconds % 60;
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        if (minutes > 0) {
            return minutes + " min" + (secs > 0 ? " " + secs + " s" : "");
        }
        if (seconds > 0) {
            return secs + " s";
        }
        return d.toMillis() + " ms";
    }
}
