package org.neurite.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.neurite.api.Backend;
import org.neurite.api.BackendInfo;
import org.neurite.api.Backends;
import org.neurite.api.DType;
import org.neurite.core.Mlp;

/** Both backends on one class path, as an application sees them. */
class BothBackendsTest {

    @Test
    void discoveryFindsBothAndEjmlIsTheDefault() {
        Backends registry = Backends.discover();

        assertEquals(List.of("ejml", "nd4j"), registry.names(), "highest priority first");
        Map<String, BackendInfo> infos = registry.describe().stream()
                .collect(Collectors.toMap(BackendInfo::name, Function.identity()));
        assertTrue(infos.get("ejml").available() && infos.get("nd4j").available(), infos.toString());
        assertTrue(infos.get("ejml").libraryVersion().startsWith("EJML "), infos.toString());
        assertTrue(infos.get("nd4j").libraryVersion().startsWith("ND4J 1.0.0"), infos.toString());
        assertEquals(100, infos.get("ejml").priority());
        assertEquals(50, infos.get("nd4j").priority());
        if (System.getProperty(Backends.PROPERTY) == null && System.getenv(Backends.ENVIRONMENT_VARIABLE) == null) {
            assertEquals("ejml", registry.defaultName());
        }
    }

    /** The tutorial's hand-made XOR network: the same outputs on both backends, and XOR's truth table. */
    @ParameterizedTest
    @EnumSource(DType.class)
    void theHandMadeXorNetworkGivesTheSameOutputsOnBothBackends(DType dtype) {
        double[][] inputs = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        double[][] onEjml = xor(Backends.get("ejml"), dtype).predict(inputs);
        double[][] onNd4j = xor(Backends.get("nd4j"), dtype).predict(inputs);

        for (int i = 0; i < inputs.length; i++) {
            assertArrayEquals(onEjml[i], onNd4j[i], dtype == DType.FLOAT64 ? 1e-12 : 1e-6, "sample " + i);
        }
        double[] expected = {0, 1, 1, 0};
        for (int i = 0; i < inputs.length; i++) {
            assertEquals(expected[i], onNd4j[i][0], 1e-3, "XOR of sample " + i);
        }
    }

    private static Mlp xor(Backend backend, DType dtype) {
        return Mlp.builder().backend(backend).dtype(dtype).input(2)
                .dense("sigmoid", new double[][] {{20, 20}, {-20, -20}}, new double[] {-10, 30})
                .dense("sigmoid", new double[][] {{20, 20}}, new double[] {-30})
                .build();
    }

    @Test
    void anNd4jModelPredictsFromManyThreadsAsFromOne() throws Exception {
        Mlp mlp = Mlp.builder().backend(Backends.get("nd4j")).seed(5).input(16)
                .dense(64, "relu").dense(64, "tanh").dense(3, "sigmoid").build();
        double[][] batch = new double[33][16];
        for (int r = 0; r < batch.length; r++) {
            for (int j = 0; j < 16; j++) {
                batch[r][j] = Math.sin(r * 16 + j);
            }
        }
        double[][] expected = mlp.predict(batch);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[][]>> results = new ArrayList<>();
            for (int task = 0; task < 16; task++) {
                results.add(pool.submit(() -> mlp.predict(batch)));
            }
            for (Future<double[][]> result : results) {
                double[][] got = result.get();
                for (int r = 0; r < expected.length; r++) {
                    assertArrayEquals(expected[r], got[r], 1e-12, "row " + r);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
