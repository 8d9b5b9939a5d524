package dev.sigil.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a class shows to code outside its package: its supertypes and type parameters, and the
 * public or protected fields, constructors and methods it declares (types, generic arguments,
 * array components and {@code throws} clauses included).
 */
final class PublicSignatures {

    /** Public, and nested (if at all) only in classes that are themselves visible outside. */
    static final DescribedPredicate<JavaClass> ARE_VISIBLE_OUTSIDE_THEIR_PACKAGE = DescribedPredicate.describe(
            "are visible outside their package", PublicSignatures::isVisibleOutsideItsPackage);

    private PublicSignatures() {
    }

    /** A condition that fails for every member signature mentioning a type that matches {@code hidden}. */
    static ArchCondition<JavaClass> notExpose(DescribedPredicate<? super JavaClass> hidden) {
        return new ArchCondition<>("not expose " + hidden.getDescription()
                + " in supertypes or in public or protected signatures") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Optional<JavaType> superclass = type.getSuperclass();
                superclass.ifPresent(s -> report(type, "its superclass", s.getAllInvolvedRawTypes(), hidden, events));
                for (JavaType anInterface : type.getInterfaces()) {
                    report(type, "its interfaces", anInterface.getAllInvolvedRawTypes(), hidden, events);
                }
                for (JavaType parameter : type.getTypeParameters()) {
                    report(type, "its type parameters", parameter.getAllInvolvedRawTypes(), hidden, events);
                }
                for (JavaField field : type.getFields()) {
                    if (isOutwardFacing(field.getModifiers())) {
                        report(type, "field " + field.getName(), field.getType().getAllInvolvedRawTypes(),
                                hidden, events);
                    }
                }
                for (JavaCodeUnit codeUnit : type.getCodeUnits()) {
                    if (isOutwardFacing(codeUnit.getModifiers())) {
                        String where = codeUnit.getName() + "(..)";
                        report(type, where, codeUnit.getAllInvolvedRawTypes(), hidden, events);
                        report(type, where + " throws clause", codeUnit.getThrowsClause().getTypes(), hidden,
                                events);
                    }
                }
            }
        };
    }

    private static void report(JavaClass owner, String where, Collection<JavaClass> involved,
            DescribedPredicate<? super JavaClass> hidden, ConditionEvents events) {
        Set<String> exposed = new TreeSet<>();
        for (JavaClass type : involved) {
            // String[] or InternalKey[][]: what leaks is the component type.
            JavaClass component = type.getBaseComponentType();
            if (hidden.test(component)) {
                exposed.add(component.getName());
            }
        }
        for (String name : exposed) {
            events.add(SimpleConditionEvent.violated(owner,
                    owner.getName() + " exposes " + name + " in " + where));
        }
    }

    private static boolean isOutwardFacing(Set<JavaModifier> modifiers) {
        // Bridge and other synthetic members repeat what the source declares, with erased types.
        return !modifiers.contains(JavaModifier.SYNTHETIC)
                && (modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED));
    }

    private static boolean isVisibleOutsideItsPackage(JavaClass type) {
        // A protected nested class is visible to subclasses in other packages, so it counts too.
        for (Optional<JavaClass> level = Optional.of(type); level.isPresent();
                level = level.get().getEnclosingClass()) {
            Set<JavaModifier> modifiers = level.get().getModifiers();
            if (!modifiers.contains(JavaModifier.PUBLIC) && !modifiers.contains(JavaModifier.PROTECTED)) {
                return false;
            }
        }
        return true;
    }
}
