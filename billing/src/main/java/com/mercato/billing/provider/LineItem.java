package com.mercato.billing.provider;

/** A price and how many of it. */
public record LineItem(PriceKey price, long quantity) {
}
