// swift-tools-version: 6.0
import PackageDescription

/// Every Helpline target compiles with the same settings.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Helpline",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "helpline", targets: ["helpline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CLibWebSockets",
            pkgConfig: "libwebsockets",
            providers: [.apt(["libwebsockets-dev"])]
        ),
        .target(
            name: "HelplineCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/WordFrequencies")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "HelplineStore",
            dependencies: ["CSQLite", "HelplineCore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "HelplineServer",
            dependencies: [
                "CLibWebSockets", "HelplineCore", "HelplineStore",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "HelplineClient",
            dependencies: ["CLibWebSockets"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "helpline",
            dependencies: [
                "HelplineCore",
                "HelplineStore",
                "HelplineServer",
                "HelplineClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HelplineCoreTests",
            dependencies: ["HelplineCore", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HelplineCLITests",
            dependencies: ["helpline"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HelplineServerTests",
            dependencies: [
                "HelplineServer", "HelplineStore", "HelplineCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HelplineStoreTests",
            dependencies: ["HelplineStore", "HelplineCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HelplineEndToEndTests",
            dependencies: [
                "HelplineClient", "HelplineServer", "HelplineStore", "HelplineCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
