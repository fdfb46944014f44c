package com.mercato.tenant.member;

public enum MemberStatus {
    ACTIVE, DEACTIVATED
}
