package org.envhub.platform.sources;

/** A raw frame as stored, and its bytes read again by the codec. */
public record FrameDetail(FrameView frame, ParsedFrame parsed) {
}
