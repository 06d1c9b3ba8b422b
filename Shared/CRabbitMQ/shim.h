// The C side of Shouhu's AMQP client: Debian's rabbitmq-c 0.11 (librabbitmq-dev).
// Swift imports amqp.h directly; only what Swift cannot call is wrapped here.
#ifndef SHOUHU_CRABBITMQ_SHIM_H
#define SHOUHU_CRABBITMQ_SHIM_H

#include <amqp.h>
#include <amqp_tcp_socket.h>
#include <amqp_ssl_socket.h>
#include <sys/time.h>

// amqp_login is variadic, which Swift refuses to call. Plain SASL PLAIN login.
static inline amqp_rpc_reply_t shouhu_amqp_login_plain(amqp_connection_state_t state,
                                                       const char *vhost, int channel_max,
                                                       int frame_max, int heartbeat,
                                                       const char *user, const char *password) {
    return amqp_login(state, vhost, channel_max, frame_max, heartbeat, AMQP_SASL_METHOD_PLAIN,
                      user, password);
}

// Login that also announces the client's name and capabilities. The connection name shows in
// the management UI, which makes "which service holds this connection" answerable.
static inline amqp_rpc_reply_t shouhu_amqp_login_named(amqp_connection_state_t state,
                                                       const char *vhost, int channel_max,
                                                       int frame_max, int heartbeat,
                                                       const amqp_table_t *properties,
                                                       const char *user, const char *password) {
    return amqp_login_with_properties(state, vhost, channel_max, frame_max, heartbeat, properties,
                                      AMQP_SASL_METHOD_PLAIN, user, password);
}

#endif
