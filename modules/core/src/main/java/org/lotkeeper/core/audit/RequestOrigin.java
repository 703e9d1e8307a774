package org.lotkeeper.core.audit;

import jakarta.enterprise.context.RequestScoped;

/** The address a request came from, set by the web layer for the audit trail. */
@RequestScoped
public class RequestOrigin {

    private String address;

    public String address() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
