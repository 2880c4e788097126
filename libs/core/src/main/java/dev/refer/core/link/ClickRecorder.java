package dev.refer.core.link;

import dev.refer.core.link.Click;

/** Writes a click: the redirect's one write, a single put. */
public interface ClickRecorder {

    void record(Click click);
}
