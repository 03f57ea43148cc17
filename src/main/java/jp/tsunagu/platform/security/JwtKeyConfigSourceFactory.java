package jp.tsunagu.platform.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import jp.tsunagu.platform.BuildPhase;
import jp.tsunagu.platform.RuntimeConfig;
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
 * mounts its keys there. When the directory has no keys yet (first demo start), this hook, which
 * runs while configuration is being built and before anything reads the keys, generates a fresh
 * RSA pair there, so no key is ever part of the source tree. It contributes no properties, and
 * does nothing where the active profile has no key location (dev and test mode).
 */
public class JwtKeyConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        // Only where the active profile signs with key files (prod and demo); dev and test use
        // Quarkus' in-memory pair, and nothing is generated during the build.
        if (BuildPhase.active() || !RuntimeConfig.isSet(context, "smallrye.jwt.sign.key.location")) {
            return List.of();
        }
        String dir = RuntimeConfig.profiled(context, "tsunagu.jwt.key-dir", "data/keys");
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
