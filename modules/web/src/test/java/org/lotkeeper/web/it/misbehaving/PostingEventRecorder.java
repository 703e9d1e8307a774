package org.lotkeeper.web.it.misbehaving;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.lotkeeper.core.adjustments.DocumentPosted;

/** Records the documents whose posting committed, as an integration would. */
@ApplicationScoped
public class PostingEventRecorder {

    private final List<Long> committed = new CopyOnWriteArrayList<>();

    void onPosted(@Observes(during = TransactionPhase.AFTER_SUCCESS) DocumentPosted event) {
        committed.add(event.documentId());
    }

    public List<Long> committed() {
        return List.copyOf(committed);
    }
}
