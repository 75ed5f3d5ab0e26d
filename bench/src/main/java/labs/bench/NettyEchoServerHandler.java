package labs.bench;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Echoes back any received data from a client, as Netty's example does: write on every read,
 * flush once the event loop has read all that was ready (one system call for many reads).
 *
 * <p>Thread safety: stateless and {@link Sharable}; each call runs on its channel's event loop.
 */
@Sharable
final class NettyEchoServerHandler extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ctx.write(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a reset by the client is the usual cause; the client is gone either way
    }
}
