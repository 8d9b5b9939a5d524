package dev.sigil.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what Sigil logs while an action runs. Sigil logs through {@code System.Logger}, which the
 * JDK backs with {@code java.util.logging} unless an application installs another finder; a handler
 * on the named logger then sees every record of it and of its children ({@code dev.sigil.jwk},
 * {@code dev.sigil.jwt}, ...), from any thread.
 */
public final class LogCapture {

    /** An action that may throw, as test bodies do. */
    @FunctionalInterface
    public interface Action {
        /**
         * Runs the action.
         *
         * @throws Exception any failure of the action, which {@link LogCapture#during} passes on
         */
        void run() throws Exception;
    }

    private LogCapture() {
    }

    /**
     * {@return the records {@code loggerName} and its children received while {@code action} ran, in order}
     *
     * @param loggerName the logger to listen to, such as {@code "dev.sigil"}
     * @param action what to run while listening
     * @throws Exception whatever the action throws, after the listening stopped
     */
    public static List<LogRecord> during(String loggerName, Action action) throws Exception {
        // Held in a local for the whole action: java.util.logging keeps loggers only weakly.
        Logger logger = Logger.getLogger(loggerName);
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return List.copyOf(records);
    }
}
