package labs.common;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A file channel that takes at most {@code perWrite} bytes per write() (0: none at all, as a full
 * disk under a size limit does), or fails every write, and passes everything else on to a real one.
 *
 * <p>Thread safety: confined to the test thread that saves.
 */
final class SlowDiskChannel extends FileChannel {
    private final FileChannel real;
    private final int perWrite;
    private final boolean diskFull;

    private SlowDiskChannel(FileChannel real, int perWrite, boolean diskFull) {
        this.real = real;
        this.perWrite = perWrite;
        this.diskFull = diskFull;
    }

    static SlowDiskChannel takingAtMost(FileChannel real, int perWrite) {
        return new SlowDiskChannel(real, perWrite, false);
    }

    static SlowDiskChannel full(FileChannel real) {
        return new SlowDiskChannel(real, 0, true);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (diskFull) {
            throw new IOException("No space left on device");
        }
        int n = Math.min(perWrite, src.remaining());
        ByteBuffer part = src.slice().limit(n);
        int written = real.write(part);
        src.position(src.position() + written);
        return written;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public int write(ByteBuffer src, long position) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return real.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return real.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return real.read(dst, position);
    }

    @Override
    public long position() throws IOException {
        return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        real.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return real.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        real.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        real.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) {
        throw new UnsupportedOperationException();
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) {
        throw new UnsupportedOperationException();
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) {
        throw new UnsupportedOperationException();
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) {
        throw new UnsupportedOperationException();
    }

    @Override
    protected void implCloseChannel() throws IOException {
        real.close();
    }
}
