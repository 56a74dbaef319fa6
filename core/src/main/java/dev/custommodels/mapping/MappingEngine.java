package dev.custommodels.mapping;

import com.azure.core.util.logging.ClientLogger;
import com.azure.core.util.logging.LogLevel;
import dev.custommodels.entities.EntityCatalog;
import dev.custommodels.implementation.mapping.BindingValidator;
import dev.custommodels.implementation.mapping.Proposer;
import dev.custommodels.implementation.mapping.Settings;
import dev.custommodels.models.EntitySchema;
import dev.custommodels.models.InputBinding;
import dev.custommodels.models.ModelInput;
import dev.custommodels.models.ServiceContract;
import dev.custommodels.models.ValidationProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Proposes, explains and validates how entity attributes feed a model's input fields.
 *
 * <p>For each field the engine scores candidate attributes with an ordered chain of rules (name words with
 * synonyms, abbreviations and typos; display names; numbering; identifiers; the {@link TypeLattice}; derivations;
 * then the host's {@link MappingRule}s), picks one attribute per field with a global one-to-one assignment that may
 * leave a field unmapped, and reports each field as MAPPED, NEEDS_REVIEW or UNMAPPED with its evidence, runner-up
 * and near misses. A field computed from an attribute (age from a birth date) is never mapped to it. Pins from the
 * host always win.
 *
 * <p>Instances are thread-safe. Build one with {@link MappingEngineBuilder}. The engine keeps the last few catalogs
 * it prepared (each attribute name analysed, an index of words built) and reuses one when a later call passes an
 * equal list of entities.
 */
public final class MappingEngine {
    private static final ClientLogger LOGGER = new ClientLogger(MappingEngine.class);
    /** Prepared catalogs kept for reuse: preparing one (every attribute name analysed) is the costly part. */
    private static final int CACHED_CATALOGS = 4;
    private final Settings settings;
    private final Map<List<EntitySchema>, Proposer> prepared = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<List<EntitySchema>, Proposer> eldest) {
            return size() > CACHED_CATALOGS;
        }
    };

    MappingEngine(Settings settings) {
        this.settings = settings;
    }

    /** Returns the prepared catalog, preparing it on first use; catalogs are values, so equal lists share one. */
    private Proposer proposer(List<EntitySchema> entities) {
        List<EntitySchema> key = List.copyOf(entities);
        synchronized (prepared) {
            Proposer p = prepared.get(key);
            if (p != null) {
                return p;
            }
        }
        Proposer p = new Proposer(settings, key);
        synchronized (prepared) {
            prepared.put(key, p);
        }
        return p;
    }

    /**
     * Proposes a mapping of an input against the whole catalog; the engine suggests the entity.
     *
     * @param input the model input
     * @param catalog the host's entities
     * @return the proposal
     * @throws IllegalArgumentException if the catalog has no entities or two entities share a name
     */
    public MappingProposal propose(ModelInput input, EntityCatalog catalog) {
        return propose(input, Objects.requireNonNull(catalog, "catalog").schemas(), new MappingOptions());
    }

    /**
     * Proposes a mapping of an input against a list of entities; the engine suggests the entity, and fields may
     * come from several entities.
     *
     * @param input the model input
     * @param entities the entities
     * @return the proposal
     * @throws IllegalArgumentException if there are no entities or two share a name
     */
    public MappingProposal propose(ModelInput input, List<EntitySchema> entities) {
        return propose(input, entities, new MappingOptions());
    }

    /**
     * Proposes a mapping of an input against the one entity the host chose.
     *
     * @param input the model input
     * @param entity the entity
     * @return the proposal
     */
    public MappingProposal propose(ModelInput input, EntitySchema entity) {
        Objects.requireNonNull(entity, "entity");
        return propose(input, List.of(entity), new MappingOptions().setEntity(entity.name()));
    }

    /**
     * Proposes a mapping of an input against the one entity the host chose, with pins.
     *
     * @param input the model input
     * @param entity the entity
     * @param options the pins (an entity set in the options is ignored: it is this entity)
     * @return the proposal
     * @throws IllegalArgumentException if a pin names something the entity does not have
     */
    public MappingProposal propose(ModelInput input, EntitySchema entity, MappingOptions options) {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(options, "options");
        MappingOptions only = new MappingOptions().setEntity(entity.name());
        options.getPins().forEach(only::pin);
        return propose(input, List.of(entity), only);
    }

    /**
     * Proposes a mapping with options: a chosen entity, pins.
     *
     * @param input the model input
     * @param entities the entities
     * @param options the options
     * @return the proposal
     * @throws IllegalArgumentException if there are no entities, two share a name, or the chosen entity or a pin
     *     names something that does not exist
     */
    public MappingProposal propose(ModelInput input, List<EntitySchema> entities, MappingOptions options) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(entities, "entities");
        Objects.requireNonNull(options, "options");
        MappingProposal p = proposer(entities).propose(input, options.getEntity(), options.getPins());
        if (LOGGER.canLogAtLevel(LogLevel.VERBOSE)) {
            LOGGER.verbose("Proposed a mapping of input '{}' from entity '{}': {} mapped, {} to review, {} unmapped.",
                    p.input(), p.entity(), p.fieldsWithStatus(MappingStatus.MAPPED).size(),
                    p.fieldsWithStatus(MappingStatus.NEEDS_REVIEW).size(),
                    p.fieldsWithStatus(MappingStatus.UNMAPPED).size());
        }
        return p;
    }

    /**
     * Proposes a mapping for every input of a contract against the whole catalog.
     *
     * @param contract the model's contract
     * @param entities the entities
     * @return one proposal per input, in contract order
     * @throws IllegalArgumentException if there are no entities or two share a name
     */
    public List<MappingProposal> proposeAll(ServiceContract contract, List<EntitySchema> entities) {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(entities, "entities");
        Proposer p = proposer(entities);
        return contract.inputs().stream().map(i -> p.propose(i, null, Map.of())).toList();
    }

    /**
     * Validates a workflow's input bindings. Reports, each with its path ({@code inputs[input1].fields[tenure]}):
     * every input without a binding; every required field left unbound, with the engine's suggestion if any and
     * the near misses with why each was rejected; every binding that names a missing input, field, entity or
     * attribute; and every binding whose attribute type can never feed the field type.
     *
     * @param contract the model's contract
     * @param bindings the bindings, one per input
     * @param catalog the host's entities
     * @return every problem; empty when the bindings are valid
     */
    public List<ValidationProblem> validate(ServiceContract contract, List<InputBinding> bindings,
            EntityCatalog catalog) {
        return validate(contract, bindings, Objects.requireNonNull(catalog, "catalog").schemas());
    }

    /**
     * Validates a workflow's input bindings against a list of entities; see
     * {@link #validate(ServiceContract, List, EntityCatalog)}.
     *
     * @param contract the model's contract
     * @param bindings the bindings
     * @param entities the entities
     * @return every problem; empty when the bindings are valid
     * @throws IllegalArgumentException if two entities share a name
     */
    public List<ValidationProblem> validate(ServiceContract contract, List<InputBinding> bindings,
            List<EntitySchema> entities) {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(bindings, "bindings");
        Objects.requireNonNull(entities, "entities");
        return new BindingValidator(this::proposer).validate(contract, bindings, entities);
    }

    /**
     * Returns the score from which a field gets a target (NEEDS_REVIEW).
     *
     * @return the review threshold
     */
    public double getReviewThreshold() {
        return settings.reviewThreshold();
    }

    /**
     * Returns the score from which a clear target is MAPPED.
     *
     * @return the mapped threshold
     */
    public double getMappedThreshold() {
        return settings.mappedThreshold();
    }
}
