package org.envhub.hj212.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.envhub.hj212.Hj212Packet;
import org.envhub.hj212.Hj212Writer;

/**
 * Writes {@link Hj212Packet}s as frames (length and check value over the encoded bytes). Answers are
 * ASCII; the charset matters only for packets carrying Chinese text.
 */
@ChannelHandler.Sharable
public class Hj212Encoder extends MessageToByteEncoder<Hj212Packet> {

    private final Charset charset;

    public Hj212Encoder(Charset charset) {
        super(Hj212Packet.class);
        this.charset = charset;
    }

    public Hj212Encoder() {
        this(StandardCharsets.UTF_8);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Hj212Packet msg, ByteBuf out) {
        out.writeBytes(Hj212Writer.encode(msg, charset));
    }
}
