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
import java.util.OptionalInt;

/**
 * Key material for signing and verifying session tokens. application.properties points
 * {@code smallrye.jwt.sign.key.location} and {@code mp.jwt.verify.publickey.location} at
 * private.pem and public.pem in {@code tsunagu.jwt.key-dir} (TSUNAGU_JWT_KEY_DIR). Production
 * mounts its keys there. When the directory has no keys yet (dev, demo, tests), this hook, which
 * runs while configuration is being built and before anything reads the keys, generates a fresh
 * RSA pair there, so no key is ever part of the source tree. It contributes no properties.
 */
public class JwtKeyConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (jp.tsunagu.platform.BuildPhase.active()) {
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
        ensureKeys(Path.of(dir));
        return List.of();
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
}
