package jp.tsunagu.platform.live;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live documents' cap of sockets per account: taken as set from 1, refused below (nobody could open one). */
class SocketsPerAccountTest {

    @Test
    void aCapBelowOneIsRefusedAtStart() {
        assertEquals(1, LiveSockets.socketsPerAccount(1));
        assertEquals(64, LiveSockets.socketsPerAccount(64));
        IllegalStateException zero = assertThrows(IllegalStateException.class, () -> LiveSockets.socketsPerAccount(0));
        assertTrue(zero.getMessage().contains(LiveSockets.SOCKETS_PER_ACCOUNT), zero.getMessage());
        assertThrows(IllegalStateException.class, () -> LiveSockets.socketsPerAccount(-3));
    }
}
