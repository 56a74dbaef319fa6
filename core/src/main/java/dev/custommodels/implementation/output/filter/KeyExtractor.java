package dev.custommodels.implementation.output.filter;

import dev.custommodels.implementation.output.filter.FilterNode.CompareOp;
import dev.custommodels.models.DataType;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Finds the Customer IDs a filter restricts rows to, so a query can read only their partitions and index blocks.
 * The answer is a superset: every matching row has one of the IDs, and the full filter still runs on each row
 * read. A term {@code Id eq 'x'} or {@code Id in (...)} restricts; {@code and} takes the smallest restriction of
 * its terms; {@code or} restricts only when every term does; anything else does not restrict.
 */
public final class KeyExtractor {
    private final String attribute;
    private final DataType type;

    private KeyExtractor(String attribute, DataType type) {
        this.attribute = attribute;
        this.type = type;
    }

    /**
     * Returns the Customer IDs, as the text written to the partitions, that every matching row has one of.
     *
     * @param node a filter that has been bound (type-checked)
     * @param customerIdAttribute the Customer ID attribute
     * @param type its data type (STRING or INTEGER)
     * @return the IDs (possibly none: nothing can match), or {@code null} when the filter does not restrict them
     */
    public static Set<String> customerIds(FilterNode node, String customerIdAttribute, DataType type) {
        return new KeyExtractor(customerIdAttribute, type).keys(node);
    }

    private Set<String> keys(FilterNode node) {
        if (node instanceof FilterNode.Compare) {
            FilterNode.Compare c = (FilterNode.Compare) node;
            if (c.op() != CompareOp.EQ) {
                return null;
            }
            if (isId(c.left()) && c.right() instanceof FilterNode.Literal) {
                return single((FilterNode.Literal) c.right());
            }
            if (isId(c.right()) && c.left() instanceof FilterNode.Literal) {
                return single((FilterNode.Literal) c.left());
            }
            return null;
        }
        if (node instanceof FilterNode.In) {
            FilterNode.In in = (FilterNode.In) node;
            if (!isId(in.left())) {
                return null;
            }
            Set<String> ids = new LinkedHashSet<>();
            in.values().forEach(v -> ids.addAll(single(v)));
            return ids;
        }
        if (node instanceof FilterNode.And) {
            Set<String> best = null;
            for (FilterNode t : ((FilterNode.And) node).terms()) {
                Set<String> k = keys(t);
                if (k != null && (best == null || k.size() < best.size())) {
                    best = k;
                }
            }
            return best;
        }
        if (node instanceof FilterNode.Or) {
            Set<String> all = new LinkedHashSet<>();
            for (FilterNode t : ((FilterNode.Or) node).terms()) {
                Set<String> k = keys(t);
                if (k == null) {
                    return null;
                }
                all.addAll(k);
            }
            return all;
        }
        return null;
    }

    private boolean isId(FilterNode node) {
        return node instanceof FilterNode.Attr && ((FilterNode.Attr) node).name().equals(attribute);
    }

    private Set<String> single(FilterNode.Literal literal) {
        Object v = literal.value();
        if (v == null) {
            return Set.of();
        }
        if (type == DataType.STRING) {
            return v instanceof String ? Set.of((String) v) : Set.of();
        }
        if (v instanceof Long) {
            return Set.of(v.toString());
        }
        if (v instanceof Double) {
            double d = (Double) v;
            if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                return Set.of(Long.toString((long) d));
            }
        }
        return Set.of();
    }
}
