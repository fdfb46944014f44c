package com.mercato.web.billing;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.mercato.billing.invoice.Invoice;
import com.mercato.billing.invoice.Invoices;
import com.mercato.web.shop.CurrentShop;

/** The shop's invoices, mirrored from the payment provider. */
@RestController
class InvoiceController {

    private final Invoices invoices;

    InvoiceController(Invoices invoices) {
        this.invoices = invoices;
    }

    @GetMapping("/api/v1/shops/{slug}/invoices")
    List<Invoice> invoices(HttpServletRequest request) {
        return invoices.of(CurrentShop.of(request).shop().id());
    }
}
