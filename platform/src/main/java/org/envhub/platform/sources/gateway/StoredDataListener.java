package org.envhub.platform.sources.gateway;

import java.util.List;

/**
 * Told of the data packets of each committed batch, on the writer's thread, before their answers are sent: it
 * must only hand them over (queue them), never do slow work there. With several writers (the default on
 * PostgreSQL) it is called from each of them, so it must be thread-safe; a device's packets always come from
 * the same writer, in order.
 */
public interface StoredDataListener {

    void stored(List<StoredData> data);
}
