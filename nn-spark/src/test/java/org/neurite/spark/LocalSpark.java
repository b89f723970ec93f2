package org.neurite.spark;

import org.apache.spark.sql.SparkSession;

/** The tests' Spark: local mode on two threads, no UI, the driver on localhost. */
final class LocalSpark {
    private LocalSpark() {
    }

    /** A session for one test class; stop it after the class. */
    static SparkSession start(String name) {
        return SparkSession.builder()
                .master("local[2]")
                .appName(name)
                .config("spark.driver.host", "localhost")
                .config("spark.driver.bindAddress", "localhost")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }
}
