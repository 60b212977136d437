package org.iotb.store.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.iotb.catalog.Catalog;
import org.iotb.store.blob.BlobStore;
import org.iotb.store.db.Database;

/**
 * The job queue, kept in the workspace's own database by db-scheduler (table {@code scheduled_tasks}). A run is one
 * one-time task whose instance id is the run id: {@value #ASSESS} (unpack, check, decide: {@link AssessJob}) or
 * {@value #REVERDICT} (the verdicts again with the current declarations and vulnerability data).
 *
 * <p>Any number of processes may {@link #start} a queue on PostgreSQL (rows are locked when picked: a job runs
 * once); on SQLite one process does (the file has one writer). A process heartbeats while it holds jobs; one that
 * stops heartbeating is dead, and its jobs are revived for another (their runs go back to {@code queued}).
 * {@link Running#stop(Duration)} lets running jobs finish within the grace and gives the rest back.
 * {@link #enqueuer(Database)} schedules without running anything (the web server when workers do the work).
 */
public final class JobQueue {
    public static final String ASSESS = "assess";
    public static final String REVERDICT = "reverdict";

    private JobQueue() {
    }

    /** Puts runs on the queue. */
    public interface Enqueuer {
        /** Schedules the run ({@code kind}: {@value #ASSESS} or {@value #REVERDICT}) to start now; twice is once. */
        void enqueue(String kind, long runId);
    }

    /** An enqueuer on the database's queue (no worker threads). */
    public static Enqueuer enqueuer(Database db) {
        SchedulerClient.Builder builder = SchedulerClient.Builder.create(db.dataSource());
        if (db.kind() == Database.Kind.SQLITE) {
            builder = builder.jdbcCustomization(new SqliteJdbcCustomization());
        }
        SchedulerClient client = builder.build();
        return (kind, runId) -> client.scheduleIfNotExists(new TaskInstance<Void>(checkKind(kind), Long.toString(runId)),
                Instant.now());
    }

    /** Starts working the queue: picks queued runs (and runs left behind by a dead process) until stopped. */
    public static Running start(Database db, BlobStore blobs, JobSettings settings) {
        return start(db, blobs, settings, Catalog.load());
    }

    public static Running start(Database db, BlobStore blobs, JobSettings settings, Catalog catalog) {
        Runs runs = new Runs(db.jdbi());
        AssessJob job = new AssessJob(db, blobs, settings, catalog);
        List<Task<?>> tasks = List.of(task(ASSESS, job, runs), task(REVERDICT, job, runs));
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "iotb-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        var builder = Scheduler.create(db.dataSource(), tasks)
                .threads(settings.threads())
                .executorService(executor)
                .pollingInterval(settings.pollInterval())
                .heartbeatInterval(settings.heartbeat())
                .schedulerName(new SchedulerName.Fixed(settings.workerName()))
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofDays(1)); // stop(grace) decides how long to wait
        if (db.kind() == Database.Kind.POSTGRESQL) {
            builder = builder.pollUsingLockAndFetch(0.5, 1.0); // SELECT … FOR UPDATE SKIP LOCKED: many workers, no contention
        } else {
            builder = builder.jdbcCustomization(new SqliteJdbcCustomization());
        }
        Scheduler scheduler = builder.build();
        Running running = new Running(scheduler, executor, runs, settings.workerName());
        running.requeueOrphans(scheduler);
        scheduler.start();
        return running;
    }

    /**
     * The task of one kind: run the job; a finished run's scheduler row is removed, a run lost on the way is left for
     * the execution that holds it now. A dead execution's run is marked queued again before db-scheduler revives it.
     */
    private static Task<Void> task(String kind, AssessJob job, Runs runs) {
        DeadExecutionHandler<Void> revive = new DeadExecutionHandler.ReviveDeadExecution<>();
        return Tasks.custom(kind, Void.class)
                .onDeadExecution((complete, ops) -> {
                    runs.requeueDead(Long.parseLong(complete.getExecution().taskInstance.getId()),
                            complete.getExecution().pickedBy);
                    revive.deadExecution(complete, ops);
                })
                .execute((instance, context) -> {
                    boolean finished = job.run(Long.parseLong(instance.getId()));
                    return (CompletionHandler<Void>) (complete, ops) -> {
                        if (finished) {
                            ops.remove();
                        } else {
                            ops.reschedule(complete, Instant.now());
                        }
                    };
                });
    }

    private static String checkKind(String kind) {
        if (!ASSESS.equals(kind) && !REVERDICT.equals(kind)) {
            throw new IllegalArgumentException("unknown job kind " + kind);
        }
        return kind;
    }

    /** A working queue in this process. */
    public static final class Running implements AutoCloseable {
        private final Scheduler scheduler;
        private final ExecutorService executor;
        private final Runs runs;
        private final String workerName;
        private volatile boolean stopped;

        private Running(Scheduler scheduler, ExecutorService executor, Runs runs, String workerName) {
            this.scheduler = scheduler;
            this.executor = executor;
            this.runs = runs;
            this.workerName = workerName;
        }

        public String workerName() {
            return workerName;
        }

        /** Whether this queue is picking up work (for /health). */
        public boolean running() {
            return !stopped && !scheduler.getSchedulerState().isShuttingDown();
        }

        /** The scheduler, to enqueue through it (it starts a job at once instead of at its next poll). */
        public Enqueuer enqueuer() {
            return (kind, runId) -> scheduler.scheduleIfNotExists(
                    new TaskInstance<Void>(checkKind(kind), Long.toString(runId)), Instant.now());
        }

        /**
         * Stops picking new jobs and waits up to {@code grace} for the running ones; those still running then are
         * given back to the queue (their runs are queued again, for another worker now or this one on restart) and
         * their threads interrupted. Their late results, if any, are refused.
         */
        public void stop(Duration grace) {
            if (stopped) {
                return;
            }
            stopped = true;
            Thread stopper = new Thread(scheduler::stop, "iotb-queue-stop");
            stopper.setDaemon(true);
            stopper.start();
            try {
                stopper.join(Math.max(1, grace.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (stopper.isAlive()) {
                for (long run : runs.heldBy(workerName)) {
                    runs.giveBack(run, "worker " + workerName + " stopped before the job finished; queued again");
                }
                executor.shutdownNow();
            }
        }

        /** After {@link #stop}: waits until no job of this queue is still executing (an abandoned one ends late). */
        public boolean awaitIdle(Duration timeout) throws InterruptedException {
            executor.shutdown();
            return executor.awaitTermination(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            stop(Duration.ofSeconds(30));
        }

        /** Queued runs with no scheduler row (the enqueue after their insert failed) are scheduled again. */
        private void requeueOrphans(SchedulerClient client) {
            for (Map.Entry<Long, String> orphan : runs.orphaned().entrySet()) {
                client.scheduleIfNotExists(new TaskInstance<Void>(orphan.getValue(), Long.toString(orphan.getKey())),
                        Instant.now());
            }
        }
    }
}
