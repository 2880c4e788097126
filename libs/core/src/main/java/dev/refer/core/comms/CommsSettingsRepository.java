package dev.refer.core.comms;

/** The program's partner-mail settings. */
public interface CommsSettingsRepository {

    /** The settings, {@link CommsSettings#DEFAULTS} when none were saved. */
    CommsSettings find();

    void save(CommsSettings settings);
}
