/**
 * Internal code for refreshes; not exported, subject to change without notice: the cron evaluator, the planner
 * that orders workflows by the entities they read and write, the runner that executes a plan, and the scheduler
 * that starts refreshes on a {@link dev.custommodels.models.RefreshSchedule} without overlapping them.
 */
package dev.custommodels.implementation.refresh;
