package jp.tsunagu.platform.web;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures read as "the database is away" (503) or "the database refused a value" (400/409). */
class DatabaseFaultsTest {

    @Test
    void aConnectionResetByARestartingServerIsUnavailable() {
        // seen under a restart: a statement on the reactive pool whose socket the server reset
        Throwable reset = DatabaseFaults.mark(new SocketException("Connection reset"));
        assertTrue(DatabaseFaults.unavailable(reset));
        assertTrue(DatabaseFaults.unavailable(DatabaseFaults.mark(new ConnectException("Connection refused"))));
        assertTrue(DatabaseFaults.unavailable(new RuntimeException(reset)), "wrapped once more");
    }

    @Test
    void aSocketFailureOutsideTheDatabaseIsNot() {
        // the mail server refusing a connection is not the database's
        assertFalse(DatabaseFaults.unavailable(new RuntimeException(new ConnectException("mail refused"))));
        assertFalse(DatabaseFaults.unavailable(new SocketException("Connection reset")));
    }

    @Test
    void aMarkedFailureWithoutATransportFaultIsNotUnavailable() {
        assertFalse(DatabaseFaults.unavailable(DatabaseFaults.mark(new IllegalStateException("boom"))));
        assertNull(DatabaseFaults.refusedValue(DatabaseFaults.mark(new IllegalStateException("boom"))));
    }

    @Test
    void sqlStatesDecide() {
        assertTrue(DatabaseFaults.unavailable(DatabaseFaults.mark(new java.sql.SQLException("x", "57P01"))));
        assertTrue(DatabaseFaults.unavailable(DatabaseFaults.mark(new java.sql.SQLException("x", "08006"))));
        assertFalse(DatabaseFaults.unavailable(DatabaseFaults.mark(new java.sql.SQLException("x", "22021"))));
        assertEquals(400, DatabaseFaults.refusedValue(DatabaseFaults.mark(new java.sql.SQLException("x", "22021"))).status());
        assertEquals(409, DatabaseFaults.refusedValue(DatabaseFaults.mark(new java.sql.SQLException("x", "23505"))).status());
    }
}
