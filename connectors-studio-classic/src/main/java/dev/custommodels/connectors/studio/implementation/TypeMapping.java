package dev.custommodels.connectors.studio.implementation;

import dev.custommodels.models.DataType;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Maps Studio (classic) column types, swagger {@code type}/{@code format} pairs and ARM {@code ColumnSpecification}
 * enums alike (case-insensitive), onto {@link DataType}. Anything not listed has no mapping and is reported by the
 * caller, never guessed.
 */
final class TypeMapping {
    private static final Set<String> INTEGER_FORMATS = Set.of("", "int8", "int16", "int32", "int64", "uint8",
            "uint16", "uint32", "uint64");
    private static final Set<String> NUMBER_FORMATS = Set.of("", "double", "float", "decimal");

    private TypeMapping() {
    }

    static Optional<DataType> map(String type, String format) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        String f = format == null ? "" : format.toLowerCase(Locale.ROOT);
        DataType result = switch (t) {
            case "string" -> switch (f) {
                case "", "char" -> DataType.STRING;
                case "date-time", "date-timeoffset" -> DataType.DATETIME;
                case "date" -> DataType.DATE;
                default -> null;
            };
            case "integer" -> INTEGER_FORMATS.contains(f) ? DataType.INTEGER : null;
            case "number" -> NUMBER_FORMATS.contains(f) ? DataType.NUMBER : null;
            case "boolean" -> f.isEmpty() ? DataType.BOOLEAN : null;
            default -> null;
        };
        return Optional.ofNullable(result);
    }

    /** The service's own name of a type, such as {@code integer/int64}. */
    static String original(String type, String format) {
        String t = type == null ? "(none)" : type;
        return format == null || format.isEmpty() ? t : t + "/" + format;
    }

    /** The problem text for a type without a mapping. */
    static String unknown(String what, String type, String format) {
        return what + " has the type '" + original(type, format) + "', which custom-models cannot map to a data"
                + " type (known: string, string/date, string/date-time, integer, number, boolean); change the"
                + " web service's schema to a known type.";
    }
}
