import YusuanCLI

await YusuanCommand.run()
