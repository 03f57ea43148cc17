package jp.tsunagu.platform;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;

/** Helpers for the config source factories, which run before profiles are applied for them. */
public final class RuntimeConfig {

    private RuntimeConfig() {
    }

    /** Reads a key honouring the active profiles (%test.key before key), or the fallback. */
    public static String profiled(ConfigSourceContext context, String key, String fallback) {
        for (String profile : context.getProfiles()) {
            ConfigValue v = context.getValue("%" + profile + "." + key);
            if (v != null && v.getValue() != null) {
                return v.getValue();
            }
        }
        ConfigValue v = context.getValue(key);
        return v != null && v.getValue() != null ? v.getValue() : fallback;
    }

    public static boolean isSet(ConfigSourceContext context, String key) {
        String value = profiled(context, key, null);
        return value != null && !value.isBlank();
    }
}
