package org.envhub.hj212.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import java.util.Set;
import org.envhub.hj212.Hj212Parser;
import org.envhub.hj212.ParserOptions;
import org.envhub.hj212.RawFrame;
import org.envhub.hj212.RejectReason;
import org.envhub.hj212.RejectedFrame;

/**
 * Parses each {@link RawFrame} into an {@link org.envhub.hj212.InboundPacket} or a {@link RejectedFrame}.
 * Rejected frames from the framer pass through untouched. Stateless, so sharable.
 */
@ChannelHandler.Sharable
public class Hj212PacketDecoder extends MessageToMessageDecoder<RawFrame> {

    private final Hj212Parser parser;

    public Hj212PacketDecoder(ParserOptions options) {
        super(RawFrame.class);
        this.parser = new Hj212Parser(options);
    }

    public Hj212PacketDecoder() {
        this(ParserOptions.lenient());
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, RawFrame frame, List<Object> out) {
        try {
            out.add(parser.parse(frame));
        } catch (RuntimeException e) {
            // Defensive only: the parser does not throw on input. The frame is still reported.
            out.add(new RejectedFrame(frame.bytes(), RejectReason.DECODER_ERROR, String.valueOf(e), false, Set.of()));
        }
    }
}
