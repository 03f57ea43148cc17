package jp.tsunagu.platform.live;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The engine's warm-up runs in parts and leaves no document of its own behind. */
class LiveScriptWarmTest {

    @Test
    void theWarmUpRunsInPartsThenLetsItsDocumentsGo() {
        LiveScript script = new LiveScript();
        try {
            int parts = 0;
            String answer;
            long started = System.nanoTime();
            do {
                answer = script.call("warm").await().indefinitely();
                parts++;
                // between two parts the engine takes other calls: a real document's work is not held up
                if (parts == 3) {
                    script.call("open", "real").await().indefinitely();
                    assertNotNull(script.call("stateVector", "real").await().indefinitely());
                }
            } while ("more".equals(answer) && parts < 100);
            System.out.printf("warm-up: %d parts in %d ms%n", parts, (System.nanoTime() - started) / 1_000_000);
            assertEquals("ok", answer);
            assertEquals(20, parts);
            assertEquals("null", script.call("rows", "warm-here").await().indefinitely());
            assertEquals("null", script.call("rows", "warm-there").await().indefinitely());
            // the real document opened meanwhile is untouched by the warm-up
            assertEquals("{\"rows\":[],\"mark\":0}", script.call("rows", "real").await().indefinitely());
            // a second warm-up starts afresh
            assertEquals("more", script.call("warm").await().indefinitely());
            // a part that fails (its document gone) leaves nothing behind: the next one starts afresh
            script.call("close", "warm-here").await().indefinitely();
            assertThrows(RuntimeException.class, () -> script.call("warm").await().indefinitely());
            assertEquals("null", script.call("rows", "warm-there").await().indefinitely());
            int again = 0;
            do {
                answer = script.call("warm").await().indefinitely();
                again++;
            } while ("more".equals(answer) && again < 100);
            assertEquals(20, again, "a whole warm-up again, from its first part");
        } finally {
            script.close();
        }
    }
}
