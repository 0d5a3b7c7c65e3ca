package dev.musicmeta.http;

import java.util.List;
import java.util.Objects;

/**
 * What {@code GET /ready} reports beside draining: the state of each part of what is served.
 * The instance is ready when every component is. Details are for operators and name no path.
 *
 * @param components in the order {@code /ready} lists them
 */
public record Readiness(List<Component> components) {

    /** Nothing to report: ready (until draining). */
    public static final Readiness NONE = new Readiness(List.of());

    /**
     * One part of what is served.
     *
     * @param name   e.g. {@code catalog}, {@code track_files}, {@code search_index}
     * @param state  e.g. {@code ok}, {@code unreadable}
     * @param ready  whether this state lets the instance take traffic
     * @param detail what the state means for clients, in a sentence; null when nothing to add
     */
    public record Component(String name, String state, boolean ready, String detail) {
        public Component {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
        }
    }

    public Readiness {
        components = List.copyOf(components);
    }

    public boolean ready() {
        return components.stream().allMatch(Component::ready);
    }
}
