package com.mercato.core.database;

/** Where the one PostgreSQL database is and how to log in to it. */
public record DatabaseCoordinates(String url, String username, String password) {

    @Override
    public String toString() {
        return "DatabaseCoordinates[url=" + url + ", username=" + username + "]";
    }
}
