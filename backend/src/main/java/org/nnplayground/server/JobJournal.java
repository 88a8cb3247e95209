package org.nnplayground.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each job's latest event to the store, so every server sharing it can answer for the job. A store that
 * fails does not stop the training: the job goes on and its own server still answers; the failure is logged once
 * per job.
 */
final class JobJournal implements Job.Journal {
    private static final Logger LOG = LoggerFactory.getLogger(JobJournal.class);
    static final ObjectMapper JSON = new ObjectMapper();

    private final JobRepository jobs;

    JobJournal(JobRepository jobs) {
        this.jobs = jobs;
    }

    @Override
    public boolean record(Job job, Job.JobEvent event, boolean ended) {
        try {
            return jobs.record(job.id, event.name(), json(event.data()), ended);
        } catch (RuntimeException e) {
            if (job.noteJournalFailure()) {
                LOG.warn("job {}: its progress cannot reach the store ({}); only this server answers for it", job.id, e.getMessage());
            }
            return false;
        }
    }

    static String json(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a job event did not turn into JSON", e);
        }
    }
}
