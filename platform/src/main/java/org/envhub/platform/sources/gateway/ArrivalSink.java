package org.envhub.platform.sources.gateway;

/**
 * Takes what the gateway receives. The sink answers the device itself, once the data is safe: the codec
 * never answers, because a 9014 tells the logger it may forget the data.
 */
public interface ArrivalSink {

    /** Called on a Netty event loop; may block briefly when the sink is full (that pauses reading). */
    void accept(Arrival arrival);
}
