package org.iotb.store.batch;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import javax.sql.DataSource;
import org.iotb.pipeline.stage.StageStore;
import org.iotb.store.blob.BlobStore;
import org.iotb.store.jobs.SqliteJdbcCustomization;

/**
 * The batch jobs on db-scheduler (table {@value BatchStore#TASK_TABLE}): one one-time task per result key, the key
 * being the task instance id, so a job is on the queue at most once however often it is enqueued. A job runs on
 * one worker at a time (db-scheduler locks it when picking it); a worker that stops sending heartbeats is declared
 * dead after {@link WorkerSettings#deadAfter()} and its job is revived for another worker. On PostgreSQL the
 * workers claim with SELECT … FOR UPDATE SKIP LOCKED; on SQLite (one process) by optimistic version checks.
 *
 * <p>Fairness between batches: a job's priority is minus its position in its batch (db-scheduler runs higher
 * priorities first), so the first image of every waiting batch goes before the second of any, and so on: batches
 * are served round-robin, and a batch of 10,000 images enqueued first does not starve one of 10 enqueued after it.
 */
public final class BatchQueue {
    public static final String TASK = "iotb-batch-assess";

    private BatchQueue() {
    }

    static OneTimeTask<Void> task(JobRunner runner) {
        return Tasks.oneTime(TASK).execute((instance, ctx) -> runner.run(instance.getId()));
    }

    /** The enqueuing side (no threads of its own). */
    public static SchedulerClient client(DataSource dataSource, boolean postgres) {
        var builder = SchedulerClient.Builder.create(dataSource, task(key -> { }))
                .tableName(BatchStore.TASK_TABLE).enablePriority();
        if (!postgres) {
            builder.jdbcCustomization(new SqliteJdbcCustomization());
        }
        return builder.build();
    }

    /** Puts the job for this result on the queue unless it is there already; {@code position}: in its batch. */
    public static boolean submit(SchedulerClient client, String resultKey, int position) {
        int priority = -Math.min(position, 1_000_000);
        return client.scheduleIfNotExists(new TaskInstance.Builder<Void>(TASK, resultKey).priority(priority)
                .scheduledTo(Instant.now()));
    }

    /** A running worker: {@link #stop} finishes or gives back its jobs. */
    public interface Running extends AutoCloseable {
        /**
         * Stops taking jobs and waits up to {@link WorkerSettings#stopGrace()} for the running ones; one still
         * running then is left to the queue's dead-worker detection, which gives it to another worker.
         */
        void stop();

        @Override
        default void close() {
            stop();
        }
    }

    /** Starts a worker that runs batch jobs from this database with these blobs, keeping stage outputs in {@code stages}. */
    public static Running start(DataSource dataSource, boolean postgres, BatchStore store, BlobStore blobs,
                                StageStore stages, WorkerSettings settings) {
        AssessImageJob job = new AssessImageJob(store, blobs, stages, settings);
        var builder = Scheduler.create(dataSource, task(job))
                .tableName(BatchStore.TASK_TABLE)
                .enablePriority()
                .threads(settings.threads())
                .pollingInterval(settings.pollInterval())
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(WorkerSettings.MISSED_HEARTBEATS)
                .schedulerName(new SchedulerName.Fixed(settings.workerName()))
                .enableImmediateExecution()
                .shutdownMaxWait(settings.stopGrace());
        if (postgres) {
            builder.pollUsingLockAndFetch(0.5, 1.0);
        } else {
            builder.jdbcCustomization(new SqliteJdbcCustomization());
        }
        Scheduler scheduler = builder.build();
        scheduler.start();
        return () -> {
            scheduler.stop();
            job.close();
        };
    }

    /** What a job does with its result key. */
    @FunctionalInterface
    interface JobRunner {
        void run(String resultKey);
    }
}
