package org.envhub.hj212;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.envhub.hj212.netty.Hj212ChannelInitializer;
import org.junit.jupiter.api.Test;

/** The rulebook example, and the answers 9011/9012/9013/9014 built as the standard and the traffic show. */
class RepliesTest {

    static final String EXAMPLE =
            "##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80";

    @Test
    void theRulebookExampleFrame() {
        Object o = Frames.decodeOne(Frames.ascii(EXAMPLE + "\r\n"), ParserOptions.strict());
        assertThat(o).isInstanceOf(InboundPacket.class);
        InboundPacket in = (InboundPacket) o;
        assertThat(in.deviations()).isEmpty();
        assertThat(in.frame().declaredLength()).isEqualTo(101);
        assertThat(in.frame().checkText()).isEqualTo("1C80");
        Hj212Packet p = in.packet();
        assertThat(p.qn()).isEqualTo("20160801085857223");
        assertThat(p.st()).isEqualTo("32");
        assertThat(p.cn()).isEqualTo("1062");
        assertThat(p.pw()).isEqualTo("100000");
        assertThat(p.mn()).isEqualTo("010000A8900016F000169DC0");
        assertThat(p.flag().value()).isEqualTo(5);
        assertThat(p.flag().answerWanted()).isTrue();
        assertThat(p.flag().split()).isFalse();
        assertThat(p.version()).isEqualTo(1);
        assertThat(p.cp().params()).containsExactly(Map.entry("RtdInterval", "30"));
        assertThat(p.cp().factors()).isEmpty();
        // and the encoder writes the same bytes back
        assertThat(new String(Hj212Writer.encode(p), java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo(EXAMPLE + "\r\n");
    }

    @Test
    void aRequestWithTheABitGetsA9011WithItsQnInTheHeader() {
        Hj212Packet req = ((InboundPacket) Frames.decodeOne(Frames.ascii(EXAMPLE), ParserOptions.lenient())).packet();
        Hj212Packet answer = Hj212Replies.answerFor(req).orElseThrow();
        assertThat(Hj212Writer.dataSegment(answer)).isEqualTo(
                "QN=20160801085857223;ST=91;CN=9011;PW=100000;MN=010000A8900016F000169DC0;Flag=4;CP=&&QnRtn=1&&");
        assertThat(answer.answerWanted()).isFalse();
    }

    @Test
    void dataWithTheABitGetsA9014() {
        Hj212Packet data = DeviationTest.packet(
                "QN=20240101120000000;ST=22;CN=2061;PW=123456;MN=MN0001;Flag=5;CP=&&DataTime=20240101110000;a21026-Avg=12&&");
        assertThat(Hj212Writer.dataSegment(Hj212Replies.answerFor(data).orElseThrow()))
                .isEqualTo("QN=20240101120000000;ST=91;CN=9014;PW=123456;MN=MN0001;Flag=4;CP=&&&&");
        Hj212Packet newer = data.toBuilder().flag(9).build();
        assertThat(Hj212Replies.answerFor(newer).orElseThrow().flag().value()).isEqualTo(8);
    }

    @Test
    void a2005RequestIsAnsweredIn2005Style() {
        // a real 1013 from the traffic: QN inside CP, Flag=1
        Hj212Packet req = DeviationTest.packet("ST=91;CN=1013;PW=123456;MN=ZG130185201112;Flag=1;CP=&&QN=20160824092041000&&");
        assertThat(Hj212Writer.dataSegment(Hj212Replies.answerFor(req).orElseThrow()))
                .isEqualTo("ST=91;CN=9011;PW=123456;MN=ZG130185201112;Flag=0;CP=&&QN=20160824092041000;QnRtn=1&&");
        // a real 2072 alarm: QN in the header, Flag=1
        Hj212Packet alarm = DeviationTest.packet("QN=20160824091936195;ST=32;CN=2072;PW=123456;MN=LD130182000295;Flag=1;"
                + "CP=&&AlarmTime=20160824091936;B01-Ala=0.99,AlarmType=1&&");
        assertThat(Hj212Writer.dataSegment(Hj212Replies.answerFor(alarm).orElseThrow()))
                .isEqualTo("ST=91;CN=9014;PW=123456;MN=LD130182000295;Flag=0;CP=&&QN=20160824091936195&&");
    }

    @Test
    void noAnswerWithoutTheABitNorToAnAnswer() {
        Hj212Packet noA = DeviationTest.packet("ST=32;CN=2011;PW=1;MN=M1;Flag=4;CP=&&DataTime=20240101120000&&");
        assertThat(Hj212Replies.answerFor(noA)).isEmpty();
        Hj212Packet answerWithA = DeviationTest.packet("QN=20240101120000000;ST=91;CN=9014;PW=1;MN=M1;Flag=5;CP=&&&&");
        assertThat(Hj212Replies.answerFor(answerWithA)).isEmpty();
        Hj212Packet heartbeat = DeviationTest.packet("ST=32;CN=8013;PW=123456;MN=Z1;Flag=0;CP=&&HeartbeatTime=120&&");
        assertThat(Hj212Replies.answerFor(heartbeat)).isEmpty();
        Hj212Packet heartbeatA = heartbeat.toBuilder().flag(1).build();
        assertThat(Hj212Replies.answerFor(heartbeatA).orElseThrow().cn()).isEqualTo("9014");
    }

    @Test
    void executionResultAndNoticeAnswer() {
        Hj212Packet req = ((InboundPacket) Frames.decodeOne(Frames.ascii(EXAMPLE), ParserOptions.lenient())).packet();
        assertThat(Hj212Writer.dataSegment(Hj212Replies.executionResult(req, ExeRtn.SUCCESS))).isEqualTo(
                "QN=20160801085857223;ST=91;CN=9012;PW=100000;MN=010000A8900016F000169DC0;Flag=4;CP=&&ExeRtn=1&&");
        assertThat(Hj212Writer.dataSegment(Hj212Replies.noticeAnswer(req))).isEqualTo(
                "QN=20160801085857223;ST=91;CN=9013;PW=100000;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&");
        assertThat(Hj212Replies.requestAnswer(req, QnRtn.WRONG_PW).cp().param("QnRtn")).isEqualTo("3");
    }

    @Test
    void answersAreSentOnlyWhenTheApplicationSaysSoAfterItsCommit() {
        List<InboundPacket> committed = new ArrayList<>();
        // the application: stores, then answers; nothing is answered by the codec itself
        SimpleChannelInboundHandler<Hj212Inbound> app = new SimpleChannelInboundHandler<>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, Hj212Inbound msg) {
                if (msg instanceof InboundPacket p && !p.packet().mn().equals("DEFER")) {
                    committed.add(p);
                    Hj212Replies.answerFor(p.packet()).ifPresent(ctx::writeAndFlush);
                }
            }
        };
        EmbeddedChannel ch = new EmbeddedChannel(Hj212ChannelInitializer.builder(() -> app).build());
        String data = "QN=20240101120000000;ST=22;CN=2011;PW=123456;MN=%s;Flag=5;CP=&&DataTime=20240101120000;a21026-Rtd=1&&";
        ch.writeInbound(Unpooled.wrappedBuffer(Frames.frame(data.formatted("DEFER"))));
        assertThat((Object) ch.readOutbound()).isNull(); // not committed, not answered
        ch.writeInbound(Unpooled.wrappedBuffer(Frames.frame(data.formatted("MN0001"))));
        ByteBuf out = ch.readOutbound();
        byte[] bytes = ByteBufUtil.getBytes(out);
        out.release();
        assertThat(committed).hasSize(1);
        Object answer = Frames.decodeOne(bytes, ParserOptions.strict());
        assertThat(answer).isInstanceOf(InboundPacket.class);
        Hj212Packet a = ((InboundPacket) answer).packet();
        assertThat(a.cn()).isEqualTo("9014");
        assertThat(a.qn()).isEqualTo("20240101120000000");
        assertThat(a.mn()).isEqualTo("MN0001");
    }

    @Test
    void whatTheRealTrafficAsksToBeAnswered() {
        Map<String, Integer> answers = new TreeMap<>();
        for (Object o : Frames.decode(TestSupport.traffic())) {
            if (o instanceof InboundPacket p) {
                Hj212Replies.answerFor(p.packet()).ifPresent(a -> answers.merge(p.packet().cn() + "->" + a.cn(), 1, Integer::sum));
            }
        }
        System.out.println("HJ 212 real traffic, answers the A bit asks for: " + answers);
        // 1013 time-calibration requests want 9011; 2072 alarms want 9014; 9011/9012 from loggers get nothing
        assertThat(answers).containsKeys("1013->9011", "2072->9014").doesNotContainKeys("9011->9014", "9012->9014");
    }
}
