package org.lotkeeper.web.screens.adjustments;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.lotkeeper.core.adjustments.AdjustmentDocument;
import org.lotkeeper.core.adjustments.AdjustmentService;
import org.lotkeeper.core.adjustments.DocumentStatus;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The adjustment list, newest first, one page at a time, filtered by type and status. */
@Named("adjustmentList")
@ViewScoped
public class AdjustmentsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AdjustmentService adjustments;

    private LazyDataModel<AdjustmentDocument> model;

    @PostConstruct
    void init() {
        model = new DocumentsModel(adjustments);
    }

    public LazyDataModel<AdjustmentDocument> getModel() {
        return model;
    }

    public DocumentStatus[] getStatuses() {
        return DocumentStatus.values();
    }

    /** Pages through documents with the service's list and count. */
    static final class DocumentsModel extends LazyDataModel<AdjustmentDocument> {

        private static final long serialVersionUID = 1L;

        private final AdjustmentService adjustments;

        DocumentsModel(AdjustmentService adjustments) {
            this.adjustments = adjustments;
        }

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, adjustments.count(type(filterBy), status(filterBy)));
        }

        @Override
        public List<AdjustmentDocument> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                             Map<String, FilterMeta> filterBy) {
            return adjustments.list(type(filterBy), status(filterBy), first, pageSize);
        }

        @Override
        public String getRowKey(AdjustmentDocument document) {
            return document.getId().toString();
        }

        @Override
        public AdjustmentDocument getRowData(String rowKey) {
            return adjustments.find(Long.parseLong(rowKey));
        }

        private static String type(Map<String, FilterMeta> filterBy) {
            String text = text(filterBy, "type");
            return text == null ? null : text.toLowerCase(Locale.ROOT);
        }

        private static DocumentStatus status(Map<String, FilterMeta> filterBy) {
            String text = text(filterBy, "status");
            return text == null ? null : DocumentStatus.valueOf(text);
        }

        private static String text(Map<String, FilterMeta> filterBy, String field) {
            FilterMeta meta = filterBy == null ? null : filterBy.get(field);
            Object value = meta == null ? null : meta.getFilterValue();
            return value == null || value.toString().isBlank() ? null : value.toString().strip();
        }
    }
}
