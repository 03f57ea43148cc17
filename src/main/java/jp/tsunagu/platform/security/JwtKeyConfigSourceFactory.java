package jp.tsunagu.platform.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Key material for signing and verifying session tokens. Production supplies
 * {@code mp.jwt.verify.publickey.location} and {@code smallrye.jwt.sign.key.location} (or
 * TSUNAGU_JWT_KEY_DIR with private.pem and public.pem). When the key directory has no keys yet,
 * a fresh RSA pair is generated there on first use, so no key is ever part of the source tree.
 */
public class JwtKeyConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue explicit = context.getValue("mp.jwt.verify.publickey.location");
        if (explicit != null && explicit.getValue() != null) {
            return List.of();
        }
        String dir = null;
        for (String profile : context.getProfiles()) {
            ConfigValue v = context.getValue("%" + profile + ".tsunagu.jwt.key-dir");
            if (v != null && v.getValue() != null) {
                dir = v.getValue();
                break;
            }
        }
        if (dir == null) {
            ConfigValue v = context.getValue("tsunagu.jwt.key-dir");
            dir = v != null && v.getValue() != null ? v.getValue() : "data/keys";
        }
        return List.of(new KeySource(Path.of(dir).toAbsolutePath().normalize()));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(110);
    }

    static synchronized void ensureKeys(Path dir) {
        Path privateKey = dir.resolve("private.pem");
        Path publicKey = dir.resolve("public.pem");
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            writePem(privateKey, "PRIVATE KEY", pair.getPrivate().getEncoded());
            writePem(publicKey, "PUBLIC KEY", pair.getPublic().getEncoded());
            try {
                Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write session signing keys to " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writePem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }

    private static final class KeySource implements ConfigSource {
        private final Path dir;

        KeySource(Path dir) {
            this.dir = dir;
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of("mp.jwt.verify.publickey.location", "smallrye.jwt.sign.key.location");
        }

        @Override
        public Map<String, String> getProperties() {
            return Map.of();
        }

        @Override
        public String getValue(String name) {
            if (jp.tsunagu.platform.BuildPhase.active()) {
                return null;
            }
            return switch (name) {
                case "mp.jwt.verify.publickey.location" -> {
                    ensureKeys(dir);
                    yield dir.resolve("public.pem").toString();
                }
                case "smallrye.jwt.sign.key.location" -> {
                    ensureKeys(dir);
                    yield dir.resolve("private.pem").toString();
                }
                default -> null;
            };
        }

        @Override
        public int getOrdinal() {
            return 110;
        }

        @Override
        public String getName() {
            return "tsunagu-jwt-keys";
        }
    }
}
