package jp.tsunagu.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;

/**
 * No JSON list or object in a request holds more than {@value #MAX_ITEMS} items: a body of twenty
 * thousand bad ids answers 400 at once (naming the field) instead of keeping the event loop busy
 * while Bean Validation collects twenty thousand findings. No use case takes more.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

    public static final int MAX_ITEMS = 1000;

    /** A list or map over the limit. */
    public static class TooManyItems extends MismatchedInputException {
        TooManyItems(JsonParser p) {
            super(p, "more than " + MAX_ITEMS + " items");
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("tsunagu-json-limits");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                    BeanDescription description, JsonDeserializer<?> deserializer) {
                // untyped containers (a JsonObject's, the live documents' messages) are not request bodies of a use case
                return type.getContentType().getRawClass() == Object.class ? deserializer : new Capped(deserializer);
            }

            @Override
            public JsonDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
                                                             BeanDescription description, JsonDeserializer<?> deserializer) {
                return type.getContentType().getRawClass() == Object.class ? deserializer : new Capped(deserializer);
            }
        });
        mapper.registerModule(module);
    }

    static final class Capped extends DelegatingDeserializer {
        Capped(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Capped(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            if (value instanceof Collection<?> c && c.size() > MAX_ITEMS || value instanceof Map<?, ?> m && m.size() > MAX_ITEMS) {
                throw new TooManyItems(p);
            }
            return value;
        }
    }
}
