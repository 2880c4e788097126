package dev.refer.core.link;

/** The program's sub-id settings: one small item, read by the redirect (cached) and the admin API. */
public interface SubIdSettingsStore {

    /** The stored settings, or {@link SubIdSettings#NONE} when none were ever saved. */
    SubIdSettings load();

    void save(SubIdSettings settings);
}
