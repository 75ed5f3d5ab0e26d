package labs.control;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The operator's {@code threads} command: every live thread of this JVM (the server's own, and
 * the JVM's housekeeping threads in one summary line), with its state and what it waits for.
 * The state comes from {@link ThreadMXBean}; a lock and its owner from {@link ThreadInfo#getLockName}
 * and {@link ThreadInfo#getLockOwnerName}; a socket read, an {@code accept()}, a console read or
 * a queue's {@code take()} are recognised from the top frames of the stack, where a thread in
 * state RUNNABLE may in fact be waiting inside the operating system.
 *
 * <p>Virtual threads (JDK 21+) are not listed: {@code ThreadMXBean} sees platform threads only;
 * {@code jcmd PID Thread.dump_to_file FILE} shows them.
 *
 * <p>Thread safety: stateless; each call takes its own snapshot, which is a moment's picture:
 * a thread may have moved on by the time the line is printed.
 */
public final class ThreadView {
    private static final Set<String> JVM_HOUSEKEEPING = Set.of("Reference Handler", "Finalizer", "Signal Dispatcher",
            "Common-Cleaner", "Notification Thread", "Attach Listener", "process reaper", "DestroyJavaVM");
    private static final int FRAMES = 12;

    private ThreadView() {
    }

    /** One line per thread, sorted by name, then the housekeeping summary. */
    public static List<String> lines() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<ThreadInfo> infos = new ArrayList<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), FRAMES)) {
            if (info != null) { // null: the thread ended after getAllThreadIds
                infos.add(info);
            }
        }
        infos.sort(Comparator.comparing(ThreadInfo::getThreadName));
        List<String> lines = new ArrayList<>();
        List<String> housekeeping = new ArrayList<>();
        for (ThreadInfo info : infos) {
            if (JVM_HOUSEKEEPING.contains(info.getThreadName())) {
                housekeeping.add(info.getThreadName());
            } else {
                lines.add(String.format("  %-36s %-13s %s", info.getThreadName(), info.getThreadState(), describe(info)));
            }
        }
        lines.add(0, (infos.size()) + " thread(s); " + housekeeping.size() + " of them the JVM's own: "
                + String.join(", ", housekeeping));
        return lines;
    }

    /** What the thread is doing or waiting for, in words. */
    static String describe(ThreadInfo info) {
        String frames = topFrames(info.getStackTrace());
        String owner = info.getLockOwnerName() == null ? "" : ", held by \"" + info.getLockOwnerName() + "\"";
        switch (info.getThreadState()) {
            case BLOCKED:
                return "blocked on lock " + info.getLockName() + owner;
            case WAITING:
            case TIMED_WAITING:
                if (frames.contains("Thread.sleep")) {
                    return "sleeping";
                }
                if (frames.matches("(?s).*Queue\\.(take|poll|put|offer).*")) {
                    return "waiting on a queue: " + firstFrameOf(info.getStackTrace(), "Queue.");
                }
                return "waiting on " + info.getLockName() + owner;
            case RUNNABLE:
                if (frames.contains("NioSocketImpl.accept") || frames.contains("ServerSocket.accept")) {
                    return "in accept(): waiting for a connection";
                }
                if (frames.contains("NioSocketImpl.read") || frames.contains("SocketInputStream.read")) {
                    return "in a socket read: waiting for the client's bytes";
                }
                if (frames.contains("NioSocketImpl.write") || frames.contains("SocketOutputStream.write")) {
                    return "in a socket write: waiting for room in the send buffer";
                }
                if (frames.contains("FileInputStream.read")) {
                    return "in a read of a file or the console (stdin)";
                }
                return "running";
            default:
                return "";
        }
    }

    private static String topFrames(StackTraceElement[] stack) {
        StringBuilder frames = new StringBuilder();
        for (StackTraceElement frame : stack) {
            frames.append(frame.getClassName()).append('.').append(frame.getMethodName()).append('\n');
        }
        return frames.toString();
    }

    private static String firstFrameOf(StackTraceElement[] stack, String classSuffix) {
        for (StackTraceElement frame : stack) {
            String name = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + ".";
            if (name.endsWith(classSuffix)) {
                return name + frame.getMethodName() + "()";
            }
        }
        return "";
    }
}
