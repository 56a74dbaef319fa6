package dev.custommodels.mapping;

import java.util.Objects;

/**
 * The type lattice's verdict on an attribute type feeding a field type.
 *
 * @param verdict OK, WARN or VETO
 * @param reason why, in words (for OK, what the conversion does)
 */
public record TypeCheck(Verdict verdict, String reason) {

    /**
     * Checks both parts.
     *
     * @param verdict OK, WARN or VETO
     * @param reason why, in words (for OK, what the conversion does)
     */
    public TypeCheck {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }

    /** The three verdicts. */
    public enum Verdict {
        /** The attribute feeds the field without loss. */
        OK,
        /** The attribute feeds the field, but some values may lose detail or fail to convert. */
        WARN,
        /** The attribute can never feed the field. */
        VETO
    }

    /**
     * Tells whether the attribute may feed the field (OK or WARN).
     *
     * @return whether the pair is allowed
     */
    public boolean allowed() {
        return verdict != Verdict.VETO;
    }

    @Override
    public String toString() {
        return verdict + ": " + reason;
    }
}
