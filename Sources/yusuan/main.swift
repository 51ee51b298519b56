import YusuanCLI

await YusuanCommand.main()
