import Foundation

extension Topology {
    /// The topology as a RabbitMQ definitions document (the JSON `rabbitmqctl import_definitions`
    /// and `load_definitions` read): the two exchanges, every queue with exactly the arguments the
    /// services declare, the bindings, and a policy. Users are not in it: their password hashes
    /// are secrets, written per deployment next to it (see deploy/rabbitmq/).
    ///
    /// The arguments must match what the services declare, or the broker refuses their
    /// declarations (PRECONDITION_FAILED); a test compares the committed file with this output.
    public func definitions(virtualHost: String = "/") -> [String: Any] {
        func json(_ arguments: [(String, AMQPFieldValue)]) -> [String: Any] {
            var object: [String: Any] = [:]
            for (name, value) in arguments {
                switch value {
                case .string(let text): object[name] = text
                case .int(let number): object[name] = number
                case .bool(let flag): object[name] = flag
                }
            }
            return object
        }
        var queues: [[String: Any]] = []
        var bindings: [[String: Any]] = []
        for spec in self.queues {
            queues.append(["name": deadLetterQueue(spec.consumer), "vhost": virtualHost, "durable": true,
                           "auto_delete": false, "arguments": ["x-queue-type": "quorum"]])
            queues.append(["name": queue(spec.consumer), "vhost": virtualHost, "durable": true,
                           "auto_delete": false, "arguments": json(queueArguments(spec.consumer))])
            bindings.append(["source": deadLetterExchange, "vhost": virtualHost, "destination": deadLetterQueue(spec.consumer),
                             "destination_type": "queue", "routing_key": spec.consumer, "arguments": [String: Any]()])
            for key in spec.routingKeys {
                bindings.append(["source": exchange, "vhost": virtualHost, "destination": queue(spec.consumer),
                                 "destination_type": "queue", "routing_key": key, "arguments": [String: Any]()])
            }
        }
        let exchanges: [[String: Any]] = [
            ["name": exchange, "vhost": virtualHost, "type": "topic", "durable": true, "auto_delete": false,
             "internal": false, "arguments": [String: Any]()],
            ["name": deadLetterExchange, "vhost": virtualHost, "type": "direct", "durable": true, "auto_delete": false,
             "internal": false, "arguments": [String: Any]()],
        ]
        // Spread quorum queue leaders over a cluster's nodes; on one node it changes nothing.
        let policies: [[String: Any]] = [
            ["name": "\(prefix)-quorum-leaders", "vhost": virtualHost, "pattern": "^\(prefix)\\.", "apply-to": "queues",
             "priority": 0, "definition": ["queue-leader-locator": "balanced"]],
        ]
        return ["vhosts": [["name": virtualHost]], "exchanges": exchanges, "queues": queues, "bindings": bindings,
                "policies": policies]
    }

    /// ``definitions(virtualHost:)`` as pretty JSON with sorted keys, ending in a newline.
    public func definitionsJSON(virtualHost: String = "/") throws -> String {
        let data = try JSONSerialization.data(withJSONObject: definitions(virtualHost: virtualHost),
                                              options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
