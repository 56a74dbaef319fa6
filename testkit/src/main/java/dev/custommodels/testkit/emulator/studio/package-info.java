/**
 * An emulator of Azure Machine Learning Studio (classic) for tests: ARM classic workspaces, subscriptions and
 * {@code listWorkspaceKeys}; the classic management API (web services, endpoints); each endpoint's
 * {@code swagger.json}; request-response scoring (table and swagger formats, {@code details=true}); batch jobs with
 * their state machine (NotStarted, Running, Finished, Failed, Cancelled), advancing on each status read and reading
 * and writing blobs through the signed URLs they are given; ARM ("new") web services with {@code listKeys};
 * API-key and token checks; the documented error bodies. Rows are scored by a real model function.
 *
 * <p>Wire it into a test with {@link dev.custommodels.testkit.emulator.Emulator}:
 * <pre>{@code
 * StudioClassicEmulator studio = new StudioClassicEmulator();
 * studio.subscription("tenant-1", "sub-1");
 * StudioWorkspace ws = studio.addWorkspace("sub-1", "rg", "churn-ws", "southcentralus");
 * StudioWebService svc = studio.addWebService(ws, StudioServiceSpec.builder("Churn")
 *         .input("input1", StudioColumn.integer("age"), StudioColumn.number("income"))
 *         .output("output1", StudioColumn.string("Scored Labels"), StudioColumn.number("Scored Probabilities"))
 *         .model(StudioModel.logistic(Map.of("age", 0.03, "income", -0.00001), -1.0))
 *         .build());
 * Emulator emulator = Emulator.builder().service(studio).build();
 * }</pre>
 */
package dev.custommodels.testkit.emulator.studio;
