package dev.custommodels.implementation.output;

import dev.custommodels.implementation.output.filter.RowValues;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.CorruptStateException;
import java.util.List;

/** One CSV record whose values are parsed to their types on first use. */
final class ParsedRow implements RowValues {
    private static final Object UNPARSED = new Object();

    private final String[] raw;
    private final Object[] values;
    private final List<Attribute> attributes;
    private final String path;
    private final long offset;

    ParsedRow(String[] raw, List<Attribute> attributes, String path, long offset) {
        this.raw = raw;
        this.attributes = attributes;
        this.values = new Object[raw.length];
        java.util.Arrays.fill(values, UNPARSED);
        this.path = path;
        this.offset = offset;
    }

    @Override
    public Object value(int column) {
        Object v = values[column];
        if (v == UNPARSED) {
            try {
                v = ValueCodec.parse(attributes.get(column).type(), raw[column]);
            } catch (IllegalArgumentException e) {
                throw new CorruptStateException(path, "the record at byte " + offset + " has an invalid value for "
                        + "attribute '" + attributes.get(column).name() + "': " + e.getMessage(), e);
            }
            values[column] = v;
        }
        return v;
    }

    String raw(int column) {
        return raw[column];
    }
}
