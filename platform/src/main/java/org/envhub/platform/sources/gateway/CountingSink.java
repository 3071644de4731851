package org.envhub.platform.sources.gateway;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/** Placeholder until storage exists: counts what arrives and never answers (nothing is stored yet). */
@Component
class CountingSink implements ArrivalSink {

    final AtomicLong count = new AtomicLong();

    @Override
    public void accept(Arrival arrival) {
        count.incrementAndGet();
    }
}
