package org.envhub.hj212;

/** Why a frame was rejected. Rejected frames are emitted, never thrown, and keep their raw bytes. */
public enum RejectReason {
    /** The 4 bytes after {@code ##} are not decimal digits (binary garbage, a lost length). */
    BAD_LENGTH_FIELD,
    /** The frame does not end where its declared length says (bytes lost or added in transit). */
    LENGTH_MISMATCH,
    /** The length is right but the check value does not match the data segment. */
    CHECK_MISMATCH,
    /** The declared data length is over the configured cap. */
    FRAME_TOO_LONG,
    /** Intact on the wire, but not a usable packet (no CP, no CN, no MN). */
    MALFORMED_PACKET,
    /** Readable, but strict mode refuses its deviations. */
    STRICT_MODE,
    /** An unexpected failure inside the decoder; the stream is resynchronised at the next {@code ##}. */
    DECODER_ERROR
}
