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
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "HelplineStore",
            dependencies: ["CSQLite", "HelplineCore"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "helpline",
            dependencies: [
                "HelplineCore",
                "HelplineStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HelplineCoreTests",
            dependencies: ["HelplineCore"],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HelplineCLITests",
            dependencies: ["helpline"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HelplineStoreTests",
            dependencies: ["HelplineStore", "HelplineCore"],
            swiftSettings: swiftSettings
        ),
    ]
)
