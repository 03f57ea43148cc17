package jp.tsunagu.platform;

/**
 * Tells whether configuration is being read by the Quarkus build (augmentation) rather than by a
 * running application. Runtime defaults that start a database or write key files must stay out of
 * the build, or the build would record machine-specific values into the packaged application.
 */
public final class BuildPhase {

    private BuildPhase() {
    }

    public static boolean active() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> {
            String c = f.getClassName();
            return c.startsWith("io.quarkus.builder.") || c.startsWith("io.quarkus.deployment.configuration.");
        }));
    }
}
