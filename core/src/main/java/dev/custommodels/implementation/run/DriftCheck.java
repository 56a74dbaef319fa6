package dev.custommodels.implementation.run;

import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.entities.EntitySource;
import dev.custommodels.models.Attribute;
import dev.custommodels.models.DriftDifference;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.ModelField;
import dev.custommodels.models.ModelInput;
import dev.custommodels.models.ModelOutput;
import dev.custommodels.models.ModelParameter;
import dev.custommodels.models.ServiceContract;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compares the contract and entity schemas a workflow was saved against with the current ones, listing every
 * difference with its path: inputs, fields, parameters and outputs of the contract, then each bound entity's
 * attributes and primary key.
 */
final class DriftCheck {
    private DriftCheck() {
    }

    static List<DriftDifference> compare(ServiceContract saved, ServiceContract current, List<EntitySchema> schemas,
            EntityCatalog catalog) {
        List<DriftDifference> out = new ArrayList<>();
        compareContract(saved, current, out);
        for (EntitySchema s : schemas) {
            Optional<EntitySchema> now = catalog.find(s.name()).map(EntitySource::schema);
            compareEntity(s, now.orElse(null), out);
        }
        return out;
    }

    private static void compareContract(ServiceContract saved, ServiceContract current, List<DriftDifference> out) {
        compareNamed("contract.inputs", saved.inputs(), current.inputs(), ModelInput::name, i -> "input", out,
                (path, a, b) -> {
                    if (a.fieldsDeclared() != b.fieldsDeclared()) {
                        out.add(new DriftDifference(path + ".fieldsDeclared", "" + a.fieldsDeclared(),
                                "" + b.fieldsDeclared()));
                    }
                    compareFields(path + ".fields", a.fields(), b.fields(), out);
                });
        compareNamed("contract.parameters", saved.parameters(), current.parameters(), ModelParameter::name,
                DriftCheck::describe, out, (path, a, b) -> {
                    same(path + ".kind", a.kind(), b.kind(), out);
                    same(path + ".type", a.type(), b.type(), out);
                    same(path + ".default", a.defaultValue(), b.defaultValue(), out);
                });
        compareNamed("contract.outputs", saved.outputs(), current.outputs(), ModelOutput::name, o -> "output", out,
                (path, a, b) -> compareFields(path + ".columns", a.columns(), b.columns(), out));
    }

    private static void compareFields(String path, List<ModelField> saved, List<ModelField> current,
            List<DriftDifference> out) {
        compareNamed(path, saved, current, ModelField::name, DriftCheck::describe, out, (p, a, b) -> {
            same(p + ".type", a.type(), b.type(), out);
            same(p + ".required", a.required(), b.required(), out);
        });
    }

    private static void compareEntity(EntitySchema saved, EntitySchema current, List<DriftDifference> out) {
        String path = "entities[" + saved.name() + "]";
        if (current == null) {
            out.add(new DriftDifference(path, "entity", null));
            return;
        }
        same(path + ".primaryKey", saved.primaryKey(), current.primaryKey(), out);
        compareNamed(path + ".attributes", saved.attributes(), current.attributes(), Attribute::name,
                a -> a.type().name(), out, (p, a, b) -> same(p + ".type", a.type(), b.type(), out));
    }

    private static String describe(ModelField f) {
        return f.type() + (f.required() ? ", required" : ", optional");
    }

    private static String describe(ModelParameter p) {
        return p.kind() + (p.type() == null ? "" : " " + p.type())
                + (p.defaultValue() == null ? "" : ", default '" + p.defaultValue() + "'");
    }

    private static void same(String path, Object saved, Object current, List<DriftDifference> out) {
        if (!Objects.equals(saved, current)) {
            out.add(new DriftDifference(path, saved == null ? null : saved.toString(),
                    current == null ? null : current.toString()));
        }
    }

    private interface Pairs<T> {
        void compare(String path, T saved, T current);
    }

    private static <T> void compareNamed(String path, List<T> saved, List<T> current, Function<T, String> name,
            Function<T, String> describe, List<DriftDifference> out, Pairs<T> pairs) {
        Map<String, T> now = new LinkedHashMap<>();
        current.forEach(x -> now.put(name.apply(x), x));
        for (T s : saved) {
            String n = name.apply(s);
            T c = now.remove(n);
            String p = path + "[" + n + "]";
            if (c == null) {
                out.add(new DriftDifference(p, describe.apply(s), null));
            } else {
                pairs.compare(p, s, c);
            }
        }
        now.forEach((n, c) -> out.add(new DriftDifference(path + "[" + n + "]", null, describe.apply(c))));
    }
}
