package org.envhub.hj212;

import java.util.Optional;

/**
 * Builds the answers the platform sends back (应答). Answering is a separate, explicit step: the decoder
 * never replies by itself, because a data answer (9014) tells the device it may forget the data, so the
 * platform must send it only after the data is durably committed:
 *
 * <pre>{@code
 * store(packet);                                          // commit first
 * Hj212Replies.answerFor(packet.packet()).ifPresent(ctx::writeAndFlush);  // then answer
 * }</pre>
 *
 * <p>Format by version. For 2017 and newer (Flag version ≥ 1) the request's QN goes in the header and the
 * answer's Flag carries the same version with A=0 ({@code QN=…;ST=91;CN=9014;PW=…;MN=…;Flag=4;CP=&&&&}).
 * For 2005 packets the QN goes into CP, as 2005 loggers themselves write 9011/9012
 * ({@code ST=91;CN=9011;PW=…;MN=…;Flag=0;CP=&&QN=…;QnRtn=1&&}, seen in the real traffic). The 2005 9014 is
 * written the same way ({@code CP=&&QN=…&&}); no 2005 9014 was in the traffic to confirm it.
 */
public final class Hj212Replies {

    /** System code of system interaction (系统交互). */
    public static final String ST_SYSTEM = "91";

    private Hj212Replies() {
    }

    /**
     * The answer the A bit asks for: 9011 for a request (1xxx, 3xxx), 9014 for data, alarms and heartbeats,
     * none for answers (9xxx) or when the A bit is not set.
     */
    public static Optional<Hj212Packet> answerFor(Hj212Packet p) {
        if (!p.answerWanted()) {
            return Optional.empty();
        }
        return switch (CommandCodes.kind(p.cn())) {
            case REQUEST -> Optional.of(requestAnswer(p, QnRtn.READY));
            case ANSWER -> Optional.empty();
            case UPLOAD, HEARTBEAT, OTHER -> Optional.of(dataAnswer(p));
        };
    }

    /** 9011 请求应答. */
    public static Hj212Packet requestAnswer(Hj212Packet request, QnRtn rtn) {
        return answer(request, CommandCodes.REQUEST_ANSWER, "QnRtn", Integer.toString(rtn.code()));
    }

    /** 9012 执行结果. */
    public static Hj212Packet executionResult(Hj212Packet request, ExeRtn rtn) {
        return answer(request, CommandCodes.EXECUTION_RESULT, "ExeRtn", Integer.toString(rtn.code()));
    }

    /** 9013 通知应答. */
    public static Hj212Packet noticeAnswer(Hj212Packet notice) {
        return answer(notice, CommandCodes.NOTICE_ANSWER, null, null);
    }

    /** 9014 数据应答. */
    public static Hj212Packet dataAnswer(Hj212Packet data) {
        return answer(data, CommandCodes.DATA_ANSWER, null, null);
    }

    /** The QN an answer refers to: the header's, or (2005 requests) the one inside CP. */
    public static String requestQn(Hj212Packet p) {
        return p.qn() != null ? p.qn() : p.cp().param("QN");
    }

    private static Hj212Packet answer(Hj212Packet in, String cn, String key, String value) {
        String qn = requestQn(in);
        int version = in.version();
        Hj212Packet.Builder b = Hj212Packet.builder().st(ST_SYSTEM).cn(cn).pw(in.pw()).mn(in.mn())
                .flag(PacketFlag.of(Math.min(version, 63), false, false));
        Cp.Builder cp = Cp.builder();
        if (version >= PacketFlag.VERSION_2017) {
            b.qn(qn);
        } else if (qn != null) {
            cp.param("QN", qn);
        }
        if (key != null) {
            cp.param(key, value);
        }
        return b.cp(cp.build()).build();
    }
}
