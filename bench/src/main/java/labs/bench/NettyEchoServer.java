package labs.bench;

import java.net.InetSocketAddress;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import labs.common.Options;
import labs.common.UsageException;

/**
 * The industry reference for the comparison: Netty's own echo server example, almost verbatim.
 * A few event-loop threads serve every client; no thread ever waits for one client's bytes.
 * Takes the labs' options (the ones it does not need are accepted and ignored) and prints
 * {@code listening on HOST:PORT} as they do, so the runner treats every server alike.
 *
 * <p>Thread safety: main only wires; Netty confines each channel to one event loop thread.
 */
public final class NettyEchoServer {
    private static final NettyEchoServerHandler HANDLER = new NettyEchoServerHandler();
    private NettyEchoServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = Options.forServer("Netty echo server (benchmark reference)");
        String host;
        int port;
        try {
            options.parse(args);
            host = options.string("--host");
            port = options.port();
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        // Configure the server: one thread accepts, one event loop per core serves the clients.
        EventLoopGroup bossGroup = new NioEventLoopGroup(1);
        EventLoopGroup workerGroup = new NioEventLoopGroup(Runtime.getRuntime().availableProcessors());
        try {
            ServerBootstrap b = new ServerBootstrap()
                    .group(bossGroup, workerGroup)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        public void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(HANDLER);
                        }
                    });
            // Start the server.
            Channel listening = b.bind(host, port).sync().channel();
            InetSocketAddress bound = (InetSocketAddress) listening.localAddress();
            System.out.println("listening on " + host + ":" + bound.getPort());
            System.out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(listening::close, "shutdown-hook"));
            // Wait until the server socket is closed.
            listening.closeFuture().sync();
        } finally {
            // Shut down all event loops to terminate all threads.
            bossGroup.shutdownGracefully();
            workerGroup.shutdownGracefully();
        }
    }
}
